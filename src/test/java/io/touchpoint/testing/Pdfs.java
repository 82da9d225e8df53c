package io.touchpoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Opening a generated PDF in a test, as the customer's PDF reader would (PDFBox). */
public final class Pdfs {

    private Pdfs() {
    }

    /**
     * The text of every page as a reader selects it, in reading order, whitespace folded to single spaces; each page
     * is also drawn to {@code target/documents/<name>.png} ({@code <name>-page2.png}, ...), for a person to look at.
     */
    public static String text(byte[] pdf, String name) {
        assertThat(new String(pdf, 0, Math.min(5, pdf.length), StandardCharsets.US_ASCII)).as(name + " is a PDF")
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int number = 0; number < document.getNumberOfPages(); number++) {
                Path png = Path.of("target", "documents", name + (number == 0 ? "" : "-page" + (number + 1)) + ".png");
                Files.createDirectories(png.getParent());
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(number, 100);
                ImageIO.write(page, "png", png.toFile());
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open " + name, e);
        }
    }

    /** How many pages it has. */
    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
