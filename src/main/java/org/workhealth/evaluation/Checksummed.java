package org.workhealth.evaluation;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes on while taking their SHA-256, so a streamed extract's checksum needs no second pass or copy. */
final class Checksummed extends FilterOutputStream {

    private final MessageDigest digest;

    Checksummed(OutputStream out) {
        super(out);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        digest.update((byte) b);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        digest.update(b, off, len);
        out.write(b, off, len);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Somewhere to write when only the checksum is wanted (a reproduction). */
    static OutputStream nowhere() {
        return OutputStream.nullOutputStream();
    }
}
