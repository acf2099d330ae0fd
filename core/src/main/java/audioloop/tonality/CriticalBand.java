package audioloop.tonality;

/**
 * The critical bands of ECMA-74 Annex D (as MoSQITo 1.2.1 {@code _critical_band.py} states them): the band centred on
 * a tone (D.8) and the contiguous bands just below and above it used by the prominence ratio (D.10).
 *
 * @param lowerHz lower edge f1
 * @param upperHz upper edge f2
 */
record CriticalBand(double lowerHz, double upperHz) {
    /** Upper limit of the low-frequency rule for the band below (ECMA-74 D.10: 171.4 Hz). */
    static final double LOW_RULE_LIMIT_HZ = 171.4;

    double widthHz() {
        return upperHz - lowerHz;
    }

    /**
     * ECMA-74 D.8: Δf_c = 25 + 75·(1 + 1.4·(f0/1000)²)^0.69 Hz, arithmetically centred below 500 Hz, geometrically
     * (f1·f2 = f0², f2 − f1 = Δf_c) from 500 Hz on.
     */
    static CriticalBand centredOn(double f0) {
        double width = 25 + 75 * Math.pow(1 + 1.4 * Math.pow(f0 / 1000, 2), 0.69);
        if (f0 < 500) {
            return new CriticalBand(f0 - width / 2, f0 + width / 2);
        }
        double f1 = -1 * width / 2 + Math.sqrt(width * width + 4 * f0 * f0) / 2;
        return new CriticalBand(f1, f1 + width);
    }

    /** ECMA-74 D.10: the band below, from c0 + c1·f0 + c2·f0² up to the centred band's lower edge. */
    static CriticalBand below(double f0) {
        double c0;
        double c1;
        double c2;
        if (f0 < LOW_RULE_LIMIT_HZ) {
            c0 = 20;
            c1 = 0;
            c2 = 0;
        } else if (f0 <= 1600) {
            c0 = -149.5;
            c1 = 1.001;
            c2 = -6.9e-05;
        } else {
            c0 = 6.8;
            c1 = 0.806;
            c2 = -8.2e-06;
        }
        return new CriticalBand(c0 + c1 * f0 + c2 * f0 * f0, centredOn(f0).lowerHz);
    }

    /** ECMA-74 D.10: the band above, from the centred band's upper edge up to c0 + c1·f0 + c2·f0². */
    static CriticalBand above(double f0) {
        double c0;
        double c1;
        double c2;
        if (f0 <= 1600) {
            c0 = 149.5;
            c1 = 1.035;
            c2 = 7.7e-05;
        } else {
            c0 = 3.3;
            c1 = 1.215;
            c2 = 2.16e-05;
        }
        return new CriticalBand(centredOn(f0).upperHz, c0 + c1 * f0 + c2 * f0 * f0);
    }
}
