% Oracle on shared signals (48 kHz ISO 532-1 Annex B recordings, 2*sqrt(2) Pa per full scale):
% SQAT Tonality_Aures1985(x, 48000, 0, 0, 0) under Octave with the shims. -> out/sqat_aures_shared.json
addpath('/work/oracle/aures/shim');
sq = '/work/oracle/fluct/sqat';
addpath([sq '/psychoacoustic_metrics/Tonality_Aures1985']);
addpath([sq '/psychoacoustic_metrics/Loudness_ISO532_1']);
addpath([sq '/sound_level_meter']);
addpath([sq '/utilities']);
pkg load signal
warning('off', 'all');
names = {'iso532-1_b3_03_1-khz-60-db.wav', 'iso532-1_b3_02_250-hz-80-db.wav', 'iso532-1_b3_05_pinknoise-60-db.wav', ...
         'iso532-1_b4_07_tone-1-khz-30-db-80-db.wav', 'iso532-1_b5_14_propeller-driven-airplane.wav', ...
         'iso532-1_b5_16_hairdryer.wav'};
res = {};
for i = 1:numel(names)
  [x, fs] = audioread(['/work/shared/signals/mosqito/' names{i}]);
  x = x(:,1) * 2 * sqrt(2);
  tic; OUT = Tonality_Aures1985(x, fs, 0, 0, 0); el = toc;
  res{end+1} = struct('file', names{i}, 'tonality_tu', OUT.InstantaneousTonality(:)', ...
      'time_s', OUT.time(:)', 'mean_tu', OUT.Kmean, 'k5_tu', OUT.K5, 'samples', numel(x));
  printf('%s: %d frames, mean %.10f, K5 %.10f (%.1f s)\n', names{i}, numel(OUT.InstantaneousTonality), OUT.Kmean, OUT.K5, el);
  fflush(stdout);
end
fid = fopen('/work/oracle/aures/out/sqat_aures_shared.json', 'w');
fprintf(fid, '%s', jsonencode(res, 'ConvertInfAndNaN', false));
fclose(fid);
