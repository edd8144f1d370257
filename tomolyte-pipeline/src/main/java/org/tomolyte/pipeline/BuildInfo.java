package org.tomolyte.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Tool version and the git commit it was built from (from {@code tomolyte-build.properties}, filled in by Maven). */
public final class BuildInfo {

    private static final Properties P = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/tomolyte-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a missing build stamp only makes version and commit "unknown"
        }
        return p;
    }

    /** Version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return value("version");
    }

    /** Git commit the build came from, or {@code unknown}. */
    public static String commit() {
        return value("commit");
    }

    private static String value(String key) {
        String v = P.getProperty(key, "unknown");
        return v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }
}
