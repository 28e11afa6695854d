package io.sidecar.prm.query.integration.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which receiver URLs the product may call. Only http and https; and, unless configured otherwise, never a host that
 * resolves to a link-local address (169.254.0.0/16 and fe80::/10, where cloud metadata services answer, such as
 * 169.254.169.254, and AWS's fd00:ec2::254; also when an IPv6 address carries one of them), nor to the unspecified
 * or a multicast address: a subscription must not make the product fetch
 * the machine's credentials (server-side request forgery). The check runs when a subscription is created and again
 * before every delivery, because a name can resolve elsewhere later.
 */
class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    /** AWS's IPv6 metadata service, fd00:ec2::254: a unique-local address, not a link-local one. */
    private static final byte[] AWS_METADATA_V6 = {
        (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
    };
    /** The well-known NAT64 prefix, 64:ff9b::/96. */
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

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
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null && refusedIpv4(embedded)) {
                return true;
            }
            boolean unspecified = isZero(bytes, 0, 16);
            boolean multicast = (bytes[0] & 0xff) == 0xff;
            boolean linkLocal = (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80;
            return unspecified
                    || multicast
                    || (!allowLinkLocal && (linkLocal || Arrays.equals(bytes, AWS_METADATA_V6)));
        }
        return refusedIpv4(bytes);
    }

    private boolean refusedIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        boolean unspecified = first == 0;
        boolean multicast = first >= 224 && first <= 239;
        boolean linkLocal = first == 169 && (bytes[1] & 0xff) == 254;
        return unspecified || multicast || (!allowLinkLocal && linkLocal);
    }

    /**
     * The IPv4 address an IPv6 address carries, if it is of a form that reaches one: IPv4-compatible
     * ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}). (IPv4-mapped addresses,
     * {@code ::ffff:a.b.c.d}, Java already resolves to IPv4.)
     */
    private static byte[] embeddedIpv4(byte[] bytes) {
        if (isZero(bytes, 0, 12) && !isZero(bytes, 12, 16)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        if (Arrays.equals(Arrays.copyOfRange(bytes, 0, 12), NAT64_PREFIX)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
            return Arrays.copyOfRange(bytes, 2, 6);
        }
        return null;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
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
