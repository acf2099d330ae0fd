% Oracle on shared signals (48 kHz ISO 532-1 Annex B.5 recordings, 2*sqrt(2) Pa per full scale):
% SQAT FluctuationStrength_Osses2016(x, 48000, 1, 0, 0) under Octave with the shims. -> out/sqat_fluctuation_shared.json
addpath('/work/oracle/fluct/shim');
sq = '/work/oracle/fluct/sqat';
addpath([sq '/psychoacoustic_metrics/FluctuationStrength_Osses2016']);
addpath([sq '/utilities']);
pkg load signal
warning('off', 'all');
names = {'iso532-1_b5_24_woodpecker.wav', 'iso532-1_b5_20_shaking-coins.wav', 'iso532-1_b5_16_hairdryer.wav'};
res = struct();
for i = 1:numel(names)
  [x, fs] = audioread(['/work/shared/signals/mosqito/' names{i}]);
  x = x(:,1) * 2 * sqrt(2);
  tic; OUT = FluctuationStrength_Osses2016(x, fs, 1, 0, 0); el = toc;
  key = strrep(strrep(names{i}(1:end-4), '-', '_'), 'iso532_1_', '');
  key = ['s_' key];
  res.(key) = struct('file', names{i}, 'fluctuation_vacil', OUT.InstantaneousFluctuationStrength(:)', ...
      'time_s', OUT.time(:)', 'samples', numel(x));
  printf('%s: %d frames, mean %.10f (%.1f s)\n', names{i}, numel(OUT.InstantaneousFluctuationStrength), OUT.FSmean, el);
  fflush(stdout);
end
fid = fopen('/work/oracle/fluct/out/sqat_fluctuation_shared.json', 'w');
fprintf(fid, '%s', jsonencode(res, 'ConvertInfAndNaN', false));
fclose(fid);
