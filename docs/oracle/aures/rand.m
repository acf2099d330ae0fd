function r = rand(varargin)
% Deterministic stand-in for the random phases of SQAT Tonality_Aures1985 (its only rand call,
% rand(1, n) for the bins index_low ... index_up of frame iFrame): u = frac(phi*k^2 + (sqrt2-1)*j), k the 0-based
% FFT bin, j the 0-based frame, the same numbers audioloop.aurestonality uses. Any other call: Octave's rand.
try
  iFrame = evalin('caller', 'iFrame');
  low = evalin('caller', 'index_low');
catch
  r = builtin('rand', varargin{:});
  return;
end
n = varargin{2};
k = (low - 1) + (0:n-1);
v = 0.6180339887498949 * (k .* k) + 0.41421356237309515 * (iFrame - 1);
r = v - floor(v);
end
