function y = ifft(x, varargin)
% MATLAB's ifft(..., 'symmetric') (Octave 7 rejects the flag): the real part of the inverse transform, which for a
% spectrum conjugate-symmetric except for the imaginary parts of DC and Nyquist is what MATLAB returns.
if numel(varargin) >= 1 && ischar(varargin{end}) && strcmpi(varargin{end}, 'symmetric')
  y = real(builtin('ifft', x, varargin{1:end-1}));
else
  y = builtin('ifft', x, varargin{:});
end
end
