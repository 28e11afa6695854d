package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.support.CommandValidation.strip;
import static io.sidecar.prm.command.support.CommandValidation.stripToNull;

import io.sidecar.prm.command.support.MoneyAmount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a deal for a partner.
 *
 * @param dealId            the id the new deal gets
 * @param partnerId         the registering partner
 * @param customer          the end customer
 * @param product           what is sold, 1–200 characters
 * @param amount            the expected value
 * @param expectedCloseDate between the recording day and two years later
 * @param fundRequestId     the MDF request that sourced the deal, optional
 * @param recordedAt        when, from the application's clock
 */
public record RecordDealCommand(
        @TargetAggregateIdentifier String dealId,
        @NotBlank @Size(max = 100) String partnerId,
        @NotNull @Valid CustomerDetails customer,
        @NotBlank @Size(max = 200) String product,
        @NotNull @Valid MoneyAmount amount,
        @NotNull LocalDate expectedCloseDate,
        @Size(max = 100) String fundRequestId,
        @NotNull Instant recordedAt) {

    /** Surrounding white space is not part of any field; a blank fund request is none. */
    public RecordDealCommand {
        partnerId = strip(partnerId);
        product = strip(product);
        fundRequestId = stripToNull(fundRequestId);
    }

    /**
     * The customer as given on a command.
     *
     * @param name   1–200 characters
     * @param domain an internet domain such as {@code example.com}
     */
    public record CustomerDetails(
            @NotBlank @Size(max = 200) String name,

            @NotBlank
            @Size(max = 253)
            @Pattern(
                    regexp = "(?i)(www\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}",
                    message = "must be an internet domain such as example.com")
            String domain) {

        /** Surrounding white space is not part of any field. */
        public CustomerDetails {
            name = strip(name);
            domain = strip(domain);
        }
    }
}
