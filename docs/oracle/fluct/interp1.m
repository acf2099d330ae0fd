function yi = interp1(varargin)
% MATLAB semantics for the oracle: 'spline' (and 'pchip') extrapolate by default in MATLAB, not in Octave 7.
args = varargin;
m = cellfun(@(a) ischar(a) && any(strcmpi(a, {'spline','pchip','*spline','*pchip'})), args);
hasExtrap = any(cellfun(@(a) (ischar(a) && strcmpi(a,'extrap')) || (isnumeric(a) && isscalar(a) && numel(args) >= 5), args(4:end)));
if any(m) && ~hasExtrap
  args{end+1} = 'extrap';
end
yi = interp1_octave(args{:});
end
