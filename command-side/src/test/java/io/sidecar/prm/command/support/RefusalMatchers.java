package io.sidecar.prm.command.support;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/**
 * Hamcrest matchers on a {@link CommandRefusedException}, for fixtures' {@code expectException(Matcher)}: they
 * look at the refusal a client would see, not at the exception's message.
 */
public final class RefusalMatchers {

    private RefusalMatchers() {}

    /** An INVALID refusal whose errors name exactly these fields, no more, no fewer. */
    public static Matcher<CommandRefusedException> refusedAsInvalid(String... fields) {
        return refusal(
                allOf(kind(CommandRefusal.Kind.INVALID), fieldNames(equalTo(new TreeSet<>(Arrays.asList(fields))))));
    }

    /** A NOT_FOUND refusal with this code and no field errors. */
    public static Matcher<CommandRefusedException> refusedAsNotFound(String code) {
        return refusal(allOf(kind(CommandRefusal.Kind.NOT_FOUND), code(equalTo(code)), fieldNames(equalTo(Set.of()))));
    }

    /** A RULE refusal with this code and no field errors. */
    public static Matcher<CommandRefusedException> refusedByRule(String code) {
        return refusal(allOf(kind(CommandRefusal.Kind.RULE), code(equalTo(code)), fieldNames(equalTo(Set.of()))));
    }

    /**
     * A RULE refusal with this code, no field errors, and among its facts {@code fact} naming exactly these values
     * (in any order).
     */
    public static Matcher<CommandRefusedException> refusedByRule(String code, String fact, String... values) {
        return refusal(allOf(
                kind(CommandRefusal.Kind.RULE),
                code(equalTo(code)),
                fieldNames(equalTo(Set.of())),
                facts(hasEntry(equalTo(fact), containsInAnyOrder(values)))));
    }

    private static Matcher<CommandRefusedException> refusal(Matcher<? super CommandRefusal> matcher) {
        return new FeatureMatcher<CommandRefusedException, CommandRefusal>(matcher, "a refusal", "refusal") {
            @Override
            protected CommandRefusal featureValueOf(CommandRefusedException actual) {
                return actual.refusal();
            }
        };
    }

    private static Matcher<CommandRefusal> kind(CommandRefusal.Kind kind) {
        return new FeatureMatcher<CommandRefusal, CommandRefusal.Kind>(equalTo(kind), "kind", "kind") {
            @Override
            protected CommandRefusal.Kind featureValueOf(CommandRefusal actual) {
                return actual.kind();
            }
        };
    }

    private static Matcher<CommandRefusal> code(Matcher<? super String> matcher) {
        return new FeatureMatcher<CommandRefusal, String>(matcher, "code", "code") {
            @Override
            protected String featureValueOf(CommandRefusal actual) {
                return actual.code();
            }
        };
    }

    private static Matcher<CommandRefusal> facts(Matcher<? super Map<String, List<String>>> matcher) {
        return new FeatureMatcher<CommandRefusal, Map<String, List<String>>>(matcher, "facts", "facts") {
            @Override
            protected Map<String, List<String>> featureValueOf(CommandRefusal actual) {
                return actual.facts();
            }
        };
    }

    private static Matcher<CommandRefusal> fieldNames(Matcher<? super Set<String>> matcher) {
        return new FeatureMatcher<CommandRefusal, Set<String>>(matcher, "errors on fields", "errors on fields") {
            @Override
            protected Set<String> featureValueOf(CommandRefusal actual) {
                List<FieldError> errors = actual.errors();
                Set<String> names = new TreeSet<>();
                errors.forEach(error -> names.add(error.field()));
                return names;
            }
        };
    }
}
