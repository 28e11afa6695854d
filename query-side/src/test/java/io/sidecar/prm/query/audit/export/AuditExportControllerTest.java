package io.sidecar.prm.query.audit.export;

import static io.sidecar.prm.query.audit.export.ExportTestData.EXPORTED_AT;
import static io.sidecar.prm.query.audit.export.ExportTestData.PARTNER;
import static io.sidecar.prm.query.audit.export.ExportTestData.entries;
import static io.sidecar.prm.query.audit.export.ExportTestData.partner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sidecar.prm.query.audit.AuditEntry;
import io.sidecar.prm.query.audit.AuditLog;
import io.sidecar.prm.query.readmodel.ProjectionStatus;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import io.sidecar.prm.query.web.ConsistentRead;
import io.sidecar.prm.query.web.QuerySideProperties;
import io.sidecar.prm.security.personal.ContactCipher;
import io.sidecar.prm.security.personal.DataKeyStore;
import io.sidecar.prm.security.personal.StoredPayloads;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The export over HTTP: refusals are problems before any byte of the download, the download carries its type and
 * file name, is not cut off by the async timeout, and a hole in the audit log ends it without its trailer.
 */
// the web layer alone: who may call what is the security filter chain's decision, tested end to end (AccessMatrixIT)
@AutoConfigureMockMvc(addFilters = false)
@WithMockUser(roles = "ADMIN")
@WebMvcTest(controllers = AuditExportController.class, properties = "spring.mvc.async.request-timeout=1s")
@ContextConfiguration(classes = AuditExportControllerTest.Web.class)
class AuditExportControllerTest {

    /** The controller with the query side's web helpers (problems) and the export's wiring, nothing else. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = ConsistentRead.class)
    @EnableConfigurationProperties(QuerySideProperties.class)
    @Import({AuditExportController.class, AuditExportConfiguration.class})
    static class Web {
        @Bean
        ReadModelUpdates readModelUpdates() {
            return new ReadModelUpdates();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(EXPORTED_AT, ZoneOffset.UTC);
        }

        /** The payloads here hold no sealed value: no key is ever asked for. */
        @Bean
        StoredPayloads storedPayloads() {
            return new StoredPayloads(new ContactCipher(Mockito.mock(DataKeyStore.class)));
        }
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AuditLog log;

    @MockitoBean
    private ProjectionStatus projections;

    @Test
    void anUnknownFormatIsA400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/audit/export").param("partnerId", PARTNER).param("format", "xlsx"))
                .andExpect(status().isBadRequest())
                .andExpect(request().asyncNotStarted())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath("$.errors[0].message").value("must be jsonl or csv"));
        verify(log, never()).partner(anyString());
    }

    @Test
    void withoutAPartnerItIsA400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/audit/export").param("format", "csv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerId"));
    }

    @Test
    void aPartnerTheAuditLogHasNotRecordedIsA404() throws Exception {
        when(log.partner("nobody")).thenReturn(Optional.empty());

        mvc.perform(get("/api/audit/export").param("partnerId", "nobody"))
                .andExpect(status().isNotFound())
                .andExpect(request().asyncNotStarted())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("partner.unknown"));
        verify(log, never()).history(anyString(), anyLong());
    }

    @Test
    void jsonLinesByDefaultAsAnAttachmentNamedForThePartner() throws Exception {
        history(3, entries(3));

        MvcResult started = started(get("/api/audit/export").param("partnerId", PARTNER));
        String body = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/x-ndjson"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"partner-p-1-history.jsonl\""))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(body.lines()).hasSize(4);
        assertThat(body.lines().toList().get(3)).startsWith("{\"trailer\":true,\"partnerId\":\"p-1\",\"entries\":3,");
    }

    @Test
    void csvInUtf8AsAnAttachmentNamedForThePartner() throws Exception {
        history(2, entries(2));

        MvcResult started =
                started(get("/api/audit/export").param("partnerId", PARTNER).param("format", "CSV"));
        byte[] body = mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"partner-p-1-history.csv\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\r\n\"#trailer\",p-1,2,");
    }

    @Test
    void theDownloadIsNotCutOffByTheAsyncRequestTimeout() throws Exception {
        history(1, entries(1));

        MvcResult started = started(get("/api/audit/export").param("partnerId", PARTNER));

        assertThat(started.getRequest().getAsyncContext().getTimeout())
                .as("no timeout, where every other async request has spring.mvc.async.request-timeout (1 s here)")
                .isZero();
    }

    @Test
    void anEntryMissingFromTheAuditLogEndsTheDownloadWithoutItsTrailer() throws Exception {
        List<AuditEntry> withAHole = List.of(entries(3).get(0), entries(3).get(2));
        history(3, withAHole);

        MvcResult started = started(get("/api/audit/export").param("partnerId", PARTNER));

        assertThat(started.getAsyncResult()).isInstanceOf(IllegalStateException.class);
        assertThat(((Exception) started.getAsyncResult()).getMessage()).contains("holds 2 of the 3 entries");
        assertThat(started.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("trailer");
    }

    private void history(long entries, List<AuditEntry> recorded) {
        when(log.partner(PARTNER)).thenReturn(Optional.of(partner(entries)));
        when(log.history(PARTNER, entries)).thenAnswer(call -> Stream.of(recorded.toArray(AuditEntry[]::new)));
    }

    /**
     * The request, once its download has been written: the dispatch back would not wait for it, since the
     * download has no timeout (which is what MockMvc waits for).
     */
    private MvcResult started(RequestBuilder call) throws Exception {
        MvcResult started =
                mvc.perform(call).andExpect(request().asyncStarted()).andReturn();
        started.getAsyncResult(5_000);
        return started;
    }
}
