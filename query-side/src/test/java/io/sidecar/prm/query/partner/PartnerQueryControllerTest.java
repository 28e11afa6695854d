package io.sidecar.prm.query.partner;

import static io.sidecar.prm.query.PartnerTestData.onboarded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.Sentiment;
import io.sidecar.prm.query.readmodel.ProjectionStatus;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import io.sidecar.prm.query.web.ConsistentRead;
import io.sidecar.prm.query.web.QuerySideProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The partner reads over HTTP with the application's clock: health and at-risk move with it, without events. */
// the slice tests the controller; who may call it is the security filter chain\'s, tested over HTTP (AccessMatrixIT)
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(controllers = PartnerQueryController.class)
@ContextConfiguration(classes = PartnerQueryControllerTest.Web.class)
class PartnerQueryControllerTest {

    private static final Instant START = Instant.parse("2026-02-15T09:00:00Z");

    /** The controller with the query side's web helpers and a clock the test moves. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = ConsistentRead.class)
    @EnableConfigurationProperties(QuerySideProperties.class)
    @Import(PartnerQueryController.class)
    static class Web {
        @Bean
        ReadModelUpdates readModelUpdates() {
            return new ReadModelUpdates();
        }

        @Bean
        MovingClock clock() {
            return new MovingClock();
        }
    }

    /** A clock at {@link #START} until the test moves it. */
    static class MovingClock extends Clock {

        private volatile Instant now = START;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MovingClock clock;

    @MockitoBean
    private QueryGateway queries;

    @MockitoBean
    private ProjectionStatus projections;

    @Test
    void healthScoreAndAtRiskChangeWhenTheClockMoves61DaysWithoutCheckIn() throws Exception {
        PartnerViewFold fold = new PartnerViewFold("USD");
        PartnerView partner = fold.apply(null, onboarded("p-1"), 0);
        partner = fold.apply(partner, new PartnerActivated("p-1", START), 1);
        partner = fold.apply(
                partner,
                new CheckInRecorded(
                        "p-1",
                        "c-1",
                        LocalDate.parse("2026-02-15"),
                        List.of("Ada"),
                        "kick-off",
                        Sentiment.POSITIVE,
                        List.of(),
                        START),
                2);
        when(queries.query(any(FindPartnerQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(partner));

        mvc.perform(get("/api/partners/p-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Acme"))
                .andExpect(jsonPath("$.healthScore").value(65))
                .andExpect(jsonPath("$.atRisk").value(false))
                .andExpect(jsonPath("$.daysSinceCheckIn").value(0))
                .andExpect(jsonPath("$.version").value(3));

        clock.move(Duration.ofDays(61));

        mvc.perform(get("/api/partners/p-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.healthScore").value(50))
                .andExpect(jsonPath("$.atRisk").value(true))
                .andExpect(jsonPath("$.daysSinceCheckIn").value(61));
    }

    @Test
    void thePartnersPageShowsTheLanguageToContactItIn() throws Exception {
        PartnerView partner = new PartnerViewFold("USD").apply(null, onboarded("p-1"), 0);
        when(queries.query(any(FindPartnerQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(partner));

        mvc.perform(get("/api/partners/p-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("de"));
    }

    @Test
    void theListAsksForHealthAsOfTheClocksDayAndPassesTheAtRiskFilter() throws Exception {
        when(queries.query(any(FindPartnersQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new PartnerPage(List.of(), 0)));

        mvc.perform(get("/api/partners?atRisk=true")).andExpect(status().isOk());

        ArgumentCaptor<FindPartnersQuery> asked = ArgumentCaptor.forClass(FindPartnersQuery.class);
        verify(queries).query(asked.capture(), any(ResponseType.class));
        assertThat(asked.getValue().atRisk()).isTrue();
        assertThat(asked.getValue().today()).isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    @Test
    void anAtRiskFilterThatIsNotABooleanIsABadRequestNamingIt() throws Exception {
        mvc.perform(get("/api/partners?atRisk=maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("atRisk"));
    }
}
