package io.touchpoint.journey;

import io.touchpoint.web.Mailbox;
import io.touchpoint.web.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A quote request from the web form or an agent (PRE-05): what {@code POST /api/quote-requests} accepts. */
public record QuoteRequest(
        @NotBlank @Size(max = 120) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String companyName,
        @NotBlank @Size(max = 120) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String contactName,
        @NotBlank @Size(max = 254) @Mailbox String contactEmail,
        @NotBlank @Pattern(regexp = "^\\+?[0-9 ().-]{7,25}$", message = "must be a phone number such as +1 555 010 0100")
        String phone,
        @NotNull @Min(1) @Max(100_000) Integer seats,
        @NotEmpty(message = "must name at least one service") @Size(max = 20) List<Catalog.@NotNull Service> requestedServices,
        @Size(max = 20) List<Catalog.@NotNull AuxiliaryService> auxiliaryServices,
        @Size(max = 120) @Pattern(regexp = Text.ONE_LINE, message = Text.ONE_LINE_MESSAGE) String currentProvider,
        @Size(max = 2000) @Pattern(regexp = Text.MULTI_LINE, message = Text.MULTI_LINE_MESSAGE) String notes) {

    public List<Catalog.AuxiliaryService> auxiliaryServicesOrNone() {
        return auxiliaryServices == null ? List.of() : auxiliaryServices;
    }
}
