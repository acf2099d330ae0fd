package audioloop.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The colours of the heat maps: dark blue through purple and orange to pale yellow, brightness rising steadily with
 * the value (so the maps also read in grey), linear between five anchors of our choosing.
 */
final class ColourScale implements PaintScale {
    private static final int[][] ANCHORS_RGB = {
        {12, 7, 60}, {92, 22, 128}, {190, 55, 95}, {246, 140, 40}, {252, 250, 170},
    };

    private final double lower;
    private final double upper;

    ColourScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper > lower ? upper : lower + 1;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return new Color(rgb(value));
    }

    /** The colour of {@code value} as 0xRRGGBB (values outside the bounds take the end colours). */
    int rgb(double value) {
        double position = (value - lower) / (upper - lower) * (ANCHORS_RGB.length - 1);
        if (!(position > 0)) {
            position = 0;
        }
        position = Math.min(position, ANCHORS_RGB.length - 1);
        int i = Math.min((int) position, ANCHORS_RGB.length - 2);
        double f = position - i;
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
            double c = ANCHORS_RGB[i][channel] + f * (ANCHORS_RGB[i + 1][channel] - ANCHORS_RGB[i][channel]);
            rgb = rgb << 8 | (int) Math.round(c);
        }
        return rgb;
    }
}
