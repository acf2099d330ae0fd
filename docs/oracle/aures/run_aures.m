% Oracle: SQAT Tonality_Aures1985(x, 48000, 0, 0, 0) under GNU Octave 7.3 + signal, with shims (shim/):
% ifft 'symmetric', and deterministic tone-replacement phases in place of rand (see shim/rand.m).
% Usage: octave --no-gui -q run_aures.m  -> out/sqat_aures.json
addpath('/work/oracle/aures/shim');
sq = '/work/oracle/fluct/sqat';
addpath([sq '/psychoacoustic_metrics/Tonality_Aures1985']);
addpath([sq '/psychoacoustic_metrics/Loudness_ISO532_1']);
addpath([sq '/sound_level_meter']);
addpath([sq '/utilities']);
pkg load signal
warning('off', 'all');
source('/work/oracle/aures/signals.m');
fs = 48000;
sig = {};
sig{end+1} = {'tone_1k_60db', tone(1000, 60, 1, fs)};
sig{end+1} = {'tone_1k_60db_short', tone(1000, 60, 0.3, fs)};
for snr = 0:10:80
  sig{end+1} = {sprintf('tone_1k_85db_band_snr%02d', snr), tone(1000, 85, 1, fs) + band_noise(919, 1081, 85 - snr, 1, fs)};
end
for snr = 0:10:80
  sig{end+1} = {sprintf('tone_1k_85db_pink_snr%02d', snr), pink_snr(snr, 1, fs)};
end
sig{end+1} = {'tone_500_70db_white_50db', tone(500, 70, 1, fs) + white(50, 1, fs)};
sig{end+1} = {'two_tones_1k_60db_1600_55db', tone(1000, 60, 1, fs) + tone(1600, 55, 1, fs)};
sig{end+1} = {'harmonic_200_5_70db', harmonic(200, 5, 70, 1, fs)};
sig{end+1} = {'white_60db', white(60, 1, fs)};
sig{end+1} = {'am_tone_1k_4hz_70db', am_tone(1000, 4, 1, 70, 1, fs)};
res = struct();
for i = 1:numel(sig)
  name = sig{i}{1}; x = sig{i}{2};
  tic; OUT = Tonality_Aures1985(x, fs, 0, 0, 0); el = toc;
  r = struct('tonality_tu', OUT.InstantaneousTonality(:)', 'tonal_weighting', OUT.TonalWeighting(:)', ...
             'loudness_weighting', OUT.LoudnessWeighting(:)', 'time_s', OUT.time(:)', ...
             'mean_tu', OUT.Kmean, 'k5_tu', OUT.K5, 'samples', numel(x));
  res.(name) = r;
  printf('%s: %d frames, mean %.10f, K5 %.10f (%.1f s)\n', name, numel(r.tonality_tu), OUT.Kmean, OUT.K5, el);
  fflush(stdout);
end
fid = fopen('/work/oracle/aures/out/sqat_aures.json', 'w');
fprintf(fid, '%s', jsonencode(res, 'ConvertInfAndNaN', false));
fclose(fid);
