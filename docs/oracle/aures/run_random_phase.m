% SQAT Tonality_Aures1985 with its own random phases (Octave's rand, only the ifft shim), 5 runs per signal:
% the run-to-run spread of the reference. -> printed
addpath('/work/oracle/aures/shim_rand_only');  % a folder holding only ifft.m
sq = '/work/oracle/fluct/sqat';
addpath([sq '/psychoacoustic_metrics/Tonality_Aures1985']);
addpath([sq '/psychoacoustic_metrics/Loudness_ISO532_1']);
addpath([sq '/sound_level_meter']);
addpath([sq '/utilities']);
pkg load signal
warning('off', 'all');
source('/work/oracle/aures/signals.m');
fs = 48000;
sig = {{'tone_1k_60db', tone(1000, 60, 1, fs)}, {'tone_500_70db_white_50db', tone(500, 70, 1, fs) + white(50, 1, fs)}, ...
       {'tone_1k_85db_pink_snr40', pink_snr(40, 1, fs)}, {'white_60db', white(60, 1, fs)}};
for i = 1:numel(sig)
  K = [];
  for run = 1:5
    OUT = Tonality_Aures1985(sig{i}{2}, fs, 0, 0, 0);
    K(:, run) = OUT.InstantaneousTonality(:);
  end
  m = mean(K, 1);
  rel = max(max(abs(K - K(:,1)) ./ max(abs(K(:,1)), 1e-300)));
  printf('%s: Kmean over 5 runs %.6f .. %.6f, largest frame-wise relative spread %.2e\n', sig{i}{1}, min(m), max(m), rel);
  fflush(stdout);
end
