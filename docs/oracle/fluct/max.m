function varargout = max(varargin)
% MATLAB's max(x, [], 'all') for the oracle (Octave 7 lacks the 'all' option).
if nargin == 3 && ischar(varargin{3}) && strcmpi(varargin{3}, 'all')
  [varargout{1:builtin("max", nargout, 1)}] = builtin('max', varargin{1}(:));
else
  [varargout{1:builtin("max", nargout, 1)}] = builtin('max', varargin{:});
end
end
