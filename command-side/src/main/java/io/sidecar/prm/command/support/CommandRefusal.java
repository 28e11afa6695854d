package io.sidecar.prm.command.support;

import java.util.List;
import java.util.Map;

/**
 * Why a command was refused, in a form that survives the trip from the handler to the HTTP layer in both runtime
 * modes (it travels as the details of a {@link org.axonframework.commandhandling.CommandExecutionException}).
 *
 * @param kind    what sort of refusal it is; decides the HTTP status
 * @param code    a stable machine-readable code, such as {@code partner.name.taken}
 * @param message a sentence for a person
 * @param errors  the invalid fields, for {@link Kind#INVALID}
 * @param facts   what a client may act on, such as the missing onboarding steps; shown as problem members
 */
public record CommandRefusal(
        Kind kind, String code, String message, List<FieldError> errors, Map<String, List<String>> facts) {

    /** Sorts of refusal. */
    public enum Kind {
        /** The command's input is invalid (400). */
        INVALID,
        /** A rule of the domain refuses the command (409). */
        RULE,
        /** The command names something that does not exist (404). */
        NOT_FOUND
    }

    public CommandRefusal {
        errors = errors == null ? List.of() : List.copyOf(errors);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
