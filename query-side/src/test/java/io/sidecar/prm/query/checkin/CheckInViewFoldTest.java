package io.sidecar.prm.query.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.Sentiment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check-ins projection's fold: its one event type, {@link CheckInRecorded}, becomes a document of its own. */
class CheckInViewFoldTest {

    private static final Instant AT = Instant.parse("2026-02-01T10:15:30.123Z");
    private static final CheckInRecorded RECORDED = new CheckInRecorded(
            "p-1",
            "c-1",
            LocalDate.parse("2026-01-30"),
            List.of("Ada Lovelace", "Sam Channel"),
            "Quarterly plan agreed",
            Sentiment.NEGATIVE,
            List.of("Send the deck", "Book a workshop"),
            AT);

    @Test
    void aRecordedCheckInBecomesADocumentOfItsOwnAtThePartnersVersion() {
        CheckInView view = CheckInView.of(RECORDED, 5);

        assertThat(view)
                .isEqualTo(new CheckInView(
                        "c-1",
                        "p-1",
                        LocalDate.parse("2026-01-30"),
                        List.of("Ada Lovelace", "Sam Channel"),
                        "Quarterly plan agreed",
                        Sentiment.NEGATIVE,
                        List.of("Send the deck", "Book a workshop"),
                        AT,
                        6));
    }

    @Test
    void itCountsAsFoldedForItsPartnersStreamOnly() {
        CheckInView view = CheckInView.of(RECORDED, 5);

        assertThat(view.appliedVersion("p-1")).isEqualTo(6);
        assertThat(view.appliedVersion("p-2")).isZero();
        assertThat(view.appliedVersion("c-1")).as("its own id is no stream").isZero();
    }
}
