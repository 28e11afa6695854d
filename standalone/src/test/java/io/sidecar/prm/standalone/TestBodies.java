package io.sidecar.prm.standalone;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Request bodies the integration tests send, in one place.
 */
final class TestBodies {

    private TestBodies() {}

    static String partner(String name) {
        return """
                {"name": "%s", "type": "RESELLER", "region": "DE",
                 "contact": {"name": "Ada Lovelace", "email": "ada@acme.example", "phone": "+49 30 1234567"},
                 "website": "https://acme.example"}""".formatted(name);
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
        return """
                {"partnerId": "%s", "customer": {"name": "Globex", "domain": "%s"},
                 "product": "Sidecar Enterprise", "amount": {"amount": "%s", "currency": "USD"},
                 "expectedCloseDate": "%s"}""".formatted(partnerId, domain, amount, expectedCloseDate);
    }
}
