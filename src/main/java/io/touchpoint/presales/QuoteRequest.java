package io.touchpoint.presales;

import jakarta.validation.constraints.Email;
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
        @NotBlank @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be on one line") String companyName,
        @NotBlank @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be on one line") String contactName,
        @NotBlank @Size(max = 254) @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be a valid email address")
        String contactEmail,
        @NotBlank @Pattern(regexp = "^\\+?[0-9 ().-]{7,25}$", message = "must be a phone number such as +1 555 010 0100")
        String phone,
        @NotNull @Min(1) @Max(100_000) Integer seats,
        @NotEmpty(message = "must name at least one service") List<Catalog.@NotNull Service> requestedServices,
        List<Catalog.@NotNull AuxiliaryService> auxiliaryServices,
        @Size(max = 120) String currentProvider,
        @Size(max = 2000) String notes) {

    public List<Catalog.AuxiliaryService> auxiliaryServicesOrNone() {
        return auxiliaryServices == null ? List.of() : auxiliaryServices;
    }
}
