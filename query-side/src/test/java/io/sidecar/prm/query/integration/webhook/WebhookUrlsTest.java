package io.sidecar.prm.query.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    private final WebhookUrls urls = new WebhookUrls(false);

    @Test
    void httpAndHttpsReceiversOnOrdinaryAddressesAreAllowed() {
        assertThat(urls.check("http://localhost:8080/hook").getPort()).isEqualTo(8080);
        assertThat(urls.check("https://127.0.0.1/hook")).hasHost("127.0.0.1");
        assertThat(urls.check("http://10.1.2.3/hook")).hasHost("10.1.2.3");
    }

    @Test
    void linkLocalAndMetadataAddressesAreRefused() {
        for (String url : List.of(
                "http://169.254.169.254/latest/meta-data/",
                "http://169.254.1.1:8080/",
                "http://[fe80::1]/hook",
                "http://[fd00:ec2::254]/latest",
                "http://[::ffff:169.254.169.254]/",
                "http://[fd00:ec2::254%1]/latest",
                "http://[::169.254.169.254]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://[2002:a9fe:a9fe::1]/",
                "http://2852039166/",
                "http://[ff02::1]/",
                "http://[::]/",
                "http://0.0.0.0/",
                "http://224.0.0.1/")) {
            assertThatThrownBy(() -> urls.check(url)).as(url).isInstanceOf(WebhookUrls.Refused.class);
        }
    }

    @Test
    void configurationCanAllowLinkLocalReceivers() {
        WebhookUrls allowing = new WebhookUrls(true);

        assertThat(allowing.check("http://169.254.169.254/hook")).hasHost("169.254.169.254");
        assertThatThrownBy(() -> allowing.check("http://0.0.0.0/")).isInstanceOf(WebhookUrls.Refused.class);
    }

    @Test
    void whatIsNotAnHttpUrlIsMalformed() {
        for (String url : List.of(
                "",
                "ftp://example.com/x",
                "file:///etc/passwd",
                "/relative",
                "http://",
                "http://user:pw@localhost/",
                "http://exa mple.com/",
                "javascript:alert(1)",
                "http://x/" + "a".repeat(WebhookUrls.MAX_LENGTH))) {
            assertThatThrownBy(() -> urls.check(url)).as(url).isInstanceOf(WebhookUrls.Malformed.class);
        }
        assertThatThrownBy(() -> urls.check(null)).isInstanceOf(WebhookUrls.Malformed.class);
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThatThrownBy(() -> urls.check("http://no-such-host.invalid/hook"))
                .isInstanceOf(WebhookUrls.Refused.class)
                .hasMessageContaining("does not resolve");
    }
}
