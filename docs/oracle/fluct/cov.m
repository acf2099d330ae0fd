function c = cov(x, y)
% MATLAB's cov(x, y) for two vectors: the 2x2 covariance matrix of [x(:) y(:)], normalised by n - 1
% (Octave 7 returns the scalar covariance).
z = [x(:) y(:)];
n = size(z, 1);
zc = z - sum(z, 1) ./ n;
c = (zc' * zc) ./ (n - 1);
end
