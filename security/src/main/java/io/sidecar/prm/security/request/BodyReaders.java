package io.sidecar.prm.security.request;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** {@code getReader()} of a request wrapper that replaces the body stream: the stream read in its encoding. */
public final class BodyReaders {

    private BodyReaders() {}

    /** {@code body} read as text in {@code encoding} (UTF-8 when none is declared). */
    public static BufferedReader reader(InputStream body, String encoding) throws UnsupportedEncodingException {
        Charset charset;
        try {
            charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException unknown) {
            throw new UnsupportedEncodingException(encoding);
        }
        return new BufferedReader(new InputStreamReader(body, charset));
    }
}
