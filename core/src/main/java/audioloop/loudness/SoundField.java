package audioloop.loudness;

/** ISO 532-1 sound field: free (frontal incidence) or diffuse. */
public enum SoundField {
    FREE, DIFFUSE
}
