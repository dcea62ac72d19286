package org.workhealth.organisation;

import java.util.List;

/**
 * Paths a module serves without sign-in, such as a public form. Declare one as a bean; the
 * security configuration opens exactly these and keeps everything else behind sign-in.
 */
public record PublicPaths(List<String> patterns) {

    public PublicPaths(String... patterns) {
        this(List.of(patterns));
    }
}
