% Oracle: SQAT FluctuationStrength_Osses2016 (method 1, 48 kHz, pascals) under GNU Octave 7.3 + signal 1.4.3,
% with MATLAB-compatibility shims in shim/ (cov(x,y) 2x2, interp1 spline extrapolation, max(...,'all')).
% Usage: octave --no-gui -q run_sqat.m   -> out/sqat_fluctuation.json
addpath('/work/oracle/fluct/shim');
sq = '/work/oracle/fluct/sqat';
addpath([sq '/psychoacoustic_metrics/FluctuationStrength_Osses2016']);
addpath([sq '/utilities']);
pkg load signal
warning('off', 'all');
fs = 48000;
function x = scale_to(x, levelDb)
  g = 2e-5 * 10^(levelDb/20) / sqrt(sum(x.^2) / numel(x));
  x = x * g;
end
function x = am_tone(fc, fm, m, L, sec, fs)
  t = (0:round(sec*fs)-1)' / fs;
  x = scale_to((1 + m*sin(2*pi*fm*t)) .* sin(2*pi*fc*t), L);
end
function x = fm_tone(fc, fm, df, L, sec, fs)
  t = (0:round(sec*fs)-1)' / fs;
  x = scale_to(sin(2*pi*fc*t - df/fm*cos(2*pi*fm*t)), L);
end
function x = am_lcg_noise(fm, m, L, sec, fs)
  n = round(sec*fs); u = zeros(n,1); s = 12345;
  for i = 1:n
    s = mod(16807 * s, 2147483647); u(i) = 2 * s / 2147483647 - 1;
  end
  t = (0:n-1)' / fs;
  x = scale_to((1 + m*sin(2*pi*fm*t)) .* u, L);
end
sig = {};
sig{end+1} = {'am_1k_4hz_60db', am_tone(1000, 4, 1, 60, 4, fs)};
sig{end+1} = {'am_1k_1hz_70db', am_tone(1000, 1, 1, 70, 4, fs)};
sig{end+1} = {'am_1k_16hz_70db', am_tone(1000, 16, 1, 70, 4, fs)};
sig{end+1} = {'am_1k_4hz_40db', am_tone(1000, 4, 1, 40, 3.05, fs)};
sig{end+1} = {'am_500_8hz_50pct_80db', am_tone(500, 8, 0.5, 80, 4, fs)};
sig{end+1} = {'fm_1500_4hz_700dev_70db', fm_tone(1500, 4, 700, 70, 4, fs)};
sig{end+1} = {'tone_1k_60db', am_tone(1000, 4, 0, 60, 2.5, fs)};
sig{end+1} = {'am_noise_4hz_60db', am_lcg_noise(4, 1, 60, 4, fs)};
res = struct();
for i = 1:numel(sig)
  name = sig{i}{1}; x = sig{i}{2};
  tic; OUT = FluctuationStrength_Osses2016(x, fs, 1, 0, 0); el = toc;
  r = struct('fluctuation_vacil', OUT.InstantaneousFluctuationStrength(:)', 'time_s', OUT.time(:)', ...
             'mean_vacil', OUT.FSmean, 'f5_vacil', OUT.FS5, 'samples', numel(x));
  res.(name) = r;
  printf('%s: %d frames, mean %.10f, FS5 %.10f (%.1f s)\n', name, numel(r.fluctuation_vacil), OUT.FSmean, OUT.FS5, el);
  fflush(stdout);
end
fid = fopen('/work/oracle/fluct/out/sqat_fluctuation.json', 'w');
fprintf(fid, '%s', jsonencode(res, 'ConvertInfAndNaN', false));
fclose(fid);
