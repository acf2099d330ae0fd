package audioloop.sii;

import java.util.Locale;

/** The four stated vocal efforts of ANSI S3.5-1997 whose standard speech spectra the SII can assume. */
public enum SpeechLevel {
    NORMAL, RAISED, LOUD, SHOUT;

    /** The option spelling: normal, raised, loud, shout. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static SpeechLevel parse(String text) {
        for (SpeechLevel level : values()) {
            if (level.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown speech level '" + text + "' (known: normal, raised, loud, shout)");
    }
}
