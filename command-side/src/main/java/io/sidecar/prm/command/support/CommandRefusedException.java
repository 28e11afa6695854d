package io.sidecar.prm.command.support;

import java.util.List;
import java.util.Map;

/**
 * Thrown by a command handler that refuses a command. Nothing is stored: the unit of work rolls back.
 */
public class CommandRefusedException extends RuntimeException {

    private final transient CommandRefusal refusal;

    public CommandRefusedException(CommandRefusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public static CommandRefusedException invalid(List<FieldError> errors) {
        String message = "the command has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s");
        return new CommandRefusedException(
                new CommandRefusal(CommandRefusal.Kind.INVALID, "validation.failed", message, errors, null));
    }

    public static CommandRefusedException rule(String code, String message) {
        return rule(code, message, Map.of());
    }

    /** A rule refuses the command; {@code facts} tell the client what to do about it. */
    public static CommandRefusedException rule(String code, String message, Map<String, List<String>> facts) {
        return new CommandRefusedException(new CommandRefusal(CommandRefusal.Kind.RULE, code, message, null, facts));
    }

    public static CommandRefusedException notFound(String code, String message) {
        return new CommandRefusedException(
                new CommandRefusal(CommandRefusal.Kind.NOT_FOUND, code, message, null, null));
    }

    public CommandRefusal refusal() {
        return refusal;
    }
}
