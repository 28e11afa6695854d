package io.sidecar.prm.query.integration.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which receiver URLs the product may call. Only http and https; and, unless configured otherwise, never a host that
 * resolves to a link-local address (169.254.0.0/16 and fe80::/10, where cloud metadata services answer, such as
 * 169.254.169.254), nor to the unspecified or a multicast address: a subscription must not make the product fetch
 * the machine's credentials (server-side request forgery). The check runs when a subscription is created and again
 * before every delivery, because a name can resolve elsewhere later.
 */
class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    private final boolean allowLinkLocal;

    WebhookUrls(boolean allowLinkLocal) {
        this.allowLinkLocal = allowLinkLocal;
    }

    /**
     * The URL, if the product may deliver to it.
     *
     * @throws Malformed if it is not an absolute http(s) URL
     * @throws Refused   if its host does not resolve, or resolves to an address deliveries must not reach
     */
    URI check(String url) {
        URI uri = parse(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException unknown) {
            throw new Refused("the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (refused(address)) {
                throw new Refused("the host " + uri.getHost() + " resolves to " + address.getHostAddress()
                        + ", a link-local, unspecified or multicast address, which webhooks may not reach");
            }
        }
        return uri;
    }

    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new Malformed("is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new Malformed("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            throw new Malformed("is not a URL: " + malformed.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Malformed("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Malformed("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Malformed("must not carry a user name or password");
        }
        return uri;
    }

    private boolean refused(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        return !allowLinkLocal && (address.isLinkLocalAddress() || metadataV6(address));
    }

    /** AWS's IPv6 metadata address fd00:ec2::254, a unique-local address that is not link-local. */
    private static boolean metadataV6(InetAddress address) {
        return address instanceof Inet6Address && address.getHostAddress().equals("fd00:ec2:0:0:0:0:0:254");
    }

    /** Not an http(s) URL. */
    static class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** An http(s) URL the product must not call. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
