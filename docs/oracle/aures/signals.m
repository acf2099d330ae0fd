% Test signals for the Aures tonality oracle (48 kHz, pascals); the same formulas are in
% core/src/test/java/audioloop/aurestonality/Signals.java.
1;
function x = scale_to(x, levelDb)
  g = 2e-5 * 10^(levelDb/20) / sqrt(sum(x.^2) / numel(x));
  x = x * g;
end
function t = times(sec, fs)
  t = (0:round(sec*fs)-1)' / fs;
end
function x = tone(f, L, sec, fs)
  x = scale_to(sin(2*pi*f*times(sec, fs)), L);
end
function u = lcg(n)
  % Park-Miller s <- 16807 s mod (2^31 - 1) from s = 12345, u = s / (2^31 - 1) in (0, 1)
  u = zeros(n,1); s = 12345;
  for i = 1:n
    s = mod(16807 * s, 2147483647); u(i) = s / 2147483647;
  end
end
function x = white(L, sec, fs)
  x = scale_to(2 * lcg(round(sec*fs)) - 1, L);
end
function x = band_noise(f1, f2, L, sec, fs)
  % cosines at every integer frequency f1..f2 Hz with Park-Miller phases
  t = times(sec, fs); f = (f1:f2); ph = 2*pi*lcg(numel(f))';
  x = zeros(size(t));
  for i = 1:numel(f)
    x = x + cos(2*pi*f(i)*t + ph(i));
  end
  x = scale_to(x, L);
end
function x = harmonic(f0, n, L, sec, fs)
  t = times(sec, fs); x = zeros(size(t));
  for h = 1:n
    x = x + sin(2*pi*h*f0*t);
  end
  x = scale_to(x, L);
end
function x = am_tone(fc, fm, m, L, sec, fs)
  t = times(sec, fs);
  x = scale_to((1 + m*sin(2*pi*fm*t)) .* sin(2*pi*fc*t), L);
end
function x = pink_snr(snr, sec, fs)
  % 1 kHz tone at 85 dB SPL plus pink noise (|X(f)| ~ f^-1/2 on the 1-Hz bins 20 Hz ... 20 kHz of a 1-s period,
  % Park-Miller phases) whose power in the critical band 919 ... 1081 Hz is 85 - snr dB
  n = round(sec*fs); k = (20:20000)'; ph = 2*pi*lcg(numel(k));
  X = zeros(n,1); X(k+1) = exp(1i*ph) ./ sqrt(k); X(n-k+1) = conj(X(k+1));
  inband = sum(1 ./ k(k >= 919 & k <= 1081)) / sum(1 ./ k);
  x = tone(1000, 85, sec, fs) + scale_to(real(ifft(X)), 85 - snr - 10*log10(inband));
end
