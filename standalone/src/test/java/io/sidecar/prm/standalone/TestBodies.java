package io.sidecar.prm.standalone;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Request bodies the integration tests send, in one place.
 */
final class TestBodies {

    private TestBodies() {}

    static String partner(String name) {
        return partner(name, "RESELLER", "DE");
    }

    static String partner(String name, String type, String region) {
        return """
                {"name": "%s", "type": "%s", "region": "%s",
                 "contact": {"name": "Ada Lovelace", "email": "ada@acme.example", "phone": "+49 30 1234567"},
                 "website": "https://acme.example"}""".formatted(name, type, region);
    }

    /** A {@code POST /api/partners} body with the language to contact the partner in. */
    static String partnerSpeaking(String name, String language) {
        return """
                {"name": "%s", "type": "RESELLER", "region": "DE", "language": "%s",
                 "contact": {"name": "Ada Lovelace", "email": "ada@acme.example"}}""".formatted(name, language);
    }

    /** A {@code PATCH /api/partners/{id}} body that renames the partner. */
    static String rename(String name) {
        return """
                {"name": "%s"}""".formatted(name);
    }

    /** A {@code PATCH /api/partners/{id}} body with a new region and contact. */
    static String profile(String region, String email) {
        return """
                {"region": "%s", "contact": {"name": "Grace Hopper", "email": "%s"}}""".formatted(region, email);
    }

    static String tier(String tier, String reason) {
        return """
                {"tier": "%s", "reason": "%s"}""".formatted(tier, reason);
    }

    /** The body of suspend and offboard. */
    static String reason(String reason) {
        return """
                {"reason": "%s"}""".formatted(reason);
    }

    /** A {@code PUT /api/partners/{id}/goals/{period}} body in the reporting currency. */
    static String goal(String revenueTarget, int dealTarget) {
        String body = """
                {"revenueTarget": {"amount": "%s", "currency": "USD"}, "dealTarget": %d}""";
        return body.formatted(revenueTarget, dealTarget);
    }

    static String checkIn(LocalDate occurredOn, String summary) {
        return """
                {"occurredOn": "%s", "attendees": ["Ada Lovelace", "Grace Hopper"], "summary": "%s",
                 "sentiment": "POSITIVE", "nextSteps": ["Send the price list"]}""".formatted(occurredOn, summary);
    }

    /** A JSON array of {@code count} strings such as {@code "Person 1"}. */
    static String jsonArray(String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "\"" + prefix + " " + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String deal(String partnerId, String amount) {
        return deal(partnerId, "globex.example", amount);
    }

    static String deal(String partnerId, String domain, String amount) {
        return deal(
                partnerId,
                domain,
                amount,
                LocalDate.now(ZoneOffset.UTC).plusDays(60).toString());
    }

    static String deal(String partnerId, String domain, String amount, String expectedCloseDate) {
        return deal(partnerId, domain, "Sidecar Enterprise", amount, expectedCloseDate);
    }

    /** A {@code POST /api/deals} body for a customer domain and a product, closing in 60 days. */
    static String dealFor(String partnerId, String domain, String product, String amount) {
        return deal(
                partnerId,
                domain,
                product,
                amount,
                LocalDate.now(ZoneOffset.UTC).plusDays(60).toString());
    }

    static String deal(String partnerId, String domain, String product, String amount, String expectedCloseDate) {
        return """
                {"partnerId": "%s", "customer": {"name": "Globex", "domain": "%s"},
                 "product": "%s", "amount": {"amount": "%s", "currency": "USD"},
                 "expectedCloseDate": "%s"}""".formatted(partnerId, domain, product, amount, expectedCloseDate);
    }

    /** A {@code POST /api/deals/{id}/win} body. */
    static String win(String amount, String currency, LocalDate closedOn) {
        String body = """
                {"amount": {"amount": "%s", "currency": "%s"}, "closedOn": "%s"}""";
        return body.formatted(amount, currency, closedOn);
    }

    /** A {@code POST /api/deals/{id}/stage} body. */
    static String stage(String stage) {
        return """
                {"stage": "%s"}""".formatted(stage);
    }

    /** A {@code POST /api/deals/{id}/extend-protection} body. */
    static String extension(int days) {
        return """
                {"days": %d}""".formatted(days);
    }
}
