package audioloop.loudness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import audioloop.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ThirdOctaveSpectrum on the ISO 532-1 Annex B.3 stationary test signals in ../shared. reference/mosqito.json
 * holds MoSQITo's loudness N for these, not band levels; the levels below were computed on the project's
 * reference machine with MoSQITo 1.2.1's {@code noct_spectrum(x, 48000, fmin=24, fmax=12600)} and
 * {@code amp2db(·, ref=2e-5)} (numpy 2.4.6, scipy 1.17.1), x = int16 / 32768 × 2√2 Pa (notes/mosqito.md §1.2).
 */
class ThirdOctaveSpectrumParityTest {
    private static final double CALIBRATION_PA = 2.8284271247461903;

    private static final Map<String, double[]> MOSQITO_LEVELS_DB = Map.ofEntries(
        Map.entry("iso532-1_b3_02_250-hz-80-db.wav", new double[] {19.72402236639616, 20.790578706505425, 21.885138270956435, 23.035520665499757,
            24.307610526289892, 25.85939332033009, 28.192972291316277, 32.85051049650415,
            42.53882127903707, 61.07584704664891, 79.99442133070865, 60.09077991012638,
            41.834787163802794, 30.881111562339708, 23.27413689399571, 17.69489723333446,
            13.327447112081071, 9.750912188071531, 6.253992895777736, 3.1252851268808968,
            0.17896067054708323, -3.000249437802889, -5.812159726421024, -8.109363544902774,
            -7.313960943953827, -9.518220867624624, -8.490917162905221, -7.4865911764695925}),
        Map.entry("iso532-1_b3_03_1-khz-60-db.wav", new double[] {-13.638118508901192, -12.178563988494503, -11.021291515885839, -9.586294467085782,
            -8.463889725025428, -7.442120137187539, -6.3290463847809875, -5.248925124655694,
            -4.147827859640369, -2.956898045985068, -1.4516346511338263, 0.5653693316880999,
            4.20968548208578, 11.00587054747917, 22.012000410260985, 40.60530836985293,
            60.00356103333161, 40.63019689312345, 22.016180182684693, 10.55329260764481,
            2.062723416517731, -2.57326415637902, -10.208447835855646, -14.62299046977776,
            -10.203393210819199, -12.098806480083821, -10.618537595636813, -15.991100989435242}),
        Map.entry("iso532-1_b3_04_4-khz-40-db.wav", new double[] {-82.3247191931121, -58.640244119574156, -65.9678524755167, -48.80820434838084,
            -44.61244548950585, -43.61058084913691, -40.498446713067324, -38.34898060260958,
            -37.34328439311868, -36.33418691897089, -34.594588589284186, -33.57171247708805,
            -32.532538071918815, -31.460991891468566, -30.316519165713167, -28.985054801130488,
            -27.137737901901822, -23.985121643445485, -18.49075949793282, -10.267518362414433,
            1.2353756270926113, 19.822784309337443, 39.928075245206394, 21.338663871085153,
            2.9900998681527415, -7.84200338767736, -11.89785010175202, 0.13032348291707427}),
        Map.entry("iso532-1_b3_05_pinknoise-60-db.wav", new double[] {42.12908519410494, 42.82135492194665, 42.48570505030952, 42.2774945815877,
            42.1665747510655, 42.53922306115061, 43.326618718295144, 42.441090273937206,
            42.73829123311124, 42.74287041427746, 42.8203796471353, 42.71852474929219,
            42.76789880458378, 42.8063434485929, 42.990939940856016, 42.722639857498294,
            42.67507325990779, 42.73748322516472, 42.657974464480745, 42.69274116452506,
            42.67302400754511, 42.70801178285638, 42.805958785752594, 42.75954645008782,
            42.767017023938706, 42.70488814806991, 42.76104339762105, 42.73351935929635}));

    @ParameterizedTest
    @ValueSource(strings = {"iso532-1_b3_02_250-hz-80-db.wav", "iso532-1_b3_03_1-khz-60-db.wav",
        "iso532-1_b3_04_4-khz-40-db.wav", "iso532-1_b3_05_pinknoise-60-db.wav"})
    void bandLevelsMatchMosqito(String file) throws Exception {
        Path wav = SharedData.signal("mosqito", file);
        double[] levels = ThirdOctaveSpectrum.levelsDb(readPascal(wav), 48000);
        assertArrayEquals(MOSQITO_LEVELS_DB.get(file), levels, 1e-9, file);
    }

    /** A 16-bit mono 48 kHz PCM file as pascals: int16 / 32768 × 2√2. */
    private static double[] readPascal(Path wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            assertEquals(48000f, format.getSampleRate());
            assertEquals(16, format.getSampleSizeInBits());
            assertEquals(1, format.getChannels());
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes())
                    .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            double[] x = new double[bytes.remaining() / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = bytes.getShort() / 32768.0 * CALIBRATION_PA;
            }
            return x;
        }
    }
}
