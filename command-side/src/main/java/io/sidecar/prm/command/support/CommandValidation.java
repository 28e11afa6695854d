package io.sidecar.prm.command.support;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;

/**
 * Checks a command's fields: the Jakarta Bean Validation constraints on its components, plus checks that need
 * more than an annotation (a region code, a date relative to the command's time), and refuses the command with
 * every invalid field named at once.
 */
public final class CommandValidation {

    private static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
            .configure()
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    private final List<FieldError> errors = new ArrayList<>();

    private CommandValidation(Object command) {
        VALIDATOR.validate(command).stream()
                .sorted(Comparator.comparing(
                        (ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new FieldError(field(v), v.getMessage())));
    }

    /** The field as the client sent it: {@code attendees[1]}, not Hibernate's {@code attendees[1].<list element>}. */
    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }

    /** Starts checking a command with its annotated constraints. */
    public static CommandValidation of(Object command) {
        return new CommandValidation(command);
    }

    /** Adds a check that bean validation cannot express; skipped when the field already failed. */
    public CommandValidation require(boolean valid, String field, String message) {
        if (!valid && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** Refuses the command if any check failed. */
    public void orRefuse() {
        if (!errors.isEmpty()) {
            throw CommandRefusedException.invalid(errors);
        }
    }

    /** The text without surrounding white space; {@code null} stays {@code null}. */
    public static String strip(String text) {
        return text == null ? null : text.strip();
    }

    /** The text without surrounding white space, or {@code null} when nothing is left: for optional fields. */
    public static String stripToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether the text is an ISO 3166-1 alpha-2 country code (upper case). */
    public static boolean isRegion(String region) {
        return region != null && REGIONS.contains(region);
    }

    /** A BCP 47 language tag in its canonical case ({@code pt-br} as {@code pt-BR}); anything else as given. */
    public static String languageTag(String tag) {
        String canonical = Locale.forLanguageTag(tag).toLanguageTag();
        return canonical.equalsIgnoreCase(tag) ? canonical : tag;
    }

    /**
     * Whether the text is a well-formed BCP 47 language tag, in canonical case, that names a language: read back
     * whole ({@code en_US} or {@code en-} would be cut short), not {@code und}, and with a two- or three-letter ISO
     * 639 language subtag (longer ones are reserved or unregistered: {@code english} is a word, not a tag).
     */
    public static boolean isLanguageTag(String tag) {
        if (tag == null) {
            return false;
        }
        Locale locale = Locale.forLanguageTag(tag);
        String language = locale.getLanguage();
        return locale.toLanguageTag().equals(tag) && language.length() >= 2 && language.length() <= 3;
    }
}
