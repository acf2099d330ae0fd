package audioloop.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** The file formats of {@code --plot-format}: how a chart becomes bytes. */
public enum FigureFormat {
    PNG("png", "image/png") {
        @Override
        public byte[] render(JFreeChart chart, int widthPx, int heightPx) {
            BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                chart.draw(g, new Rectangle2D.Double(0, 0, widthPx, heightPx));
            } finally {
                g.dispose();
            }
            return PngEncoder.encode(image);
        }
    },
    SVG("svg", "image/svg+xml") {
        @Override
        public byte[] render(JFreeChart chart, int widthPx, int heightPx) {
            SVGGraphics2D g = new SVGGraphics2D(widthPx, heightPx);
            chart.draw(g, new Rectangle2D.Double(0, 0, widthPx, heightPx));
            return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        }
    };

    private final String extension;
    private final String mediaType;

    FigureFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The chart drawn on a {@code widthPx × heightPx} canvas, as the bytes of a file of this format. */
    public abstract byte[] render(JFreeChart chart, int widthPx, int heightPx);

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
