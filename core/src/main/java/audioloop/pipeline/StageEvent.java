package audioloop.pipeline;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * One pipeline stage of one file, as a JFR event ({@code jfr print --events audioloop.Stage rec.jfr}). Costs
 * nothing unless a recording is running ({@code --profile}).
 */
@Name("audioloop.Stage")
@Label("audioloop stage")
@Category("audioloop")
@Description("One stage (decode, resample, spectral, loudness, ...) of the analysis of one file")
final class StageEvent extends Event {
    @Label("File")
    String file;

    @Label("Stage")
    String stage;

    @Label("Samples")
    @Description("Samples the stage consumed (at the stage's input rate)")
    long samples;
}
