import { MatrixFile, only } from './matrix';

/** instances.get */
const matrix: MatrixFile = {
  'GET /api/v1/instances.get': { expect: only(['admin'], 403), note: '`view-statistics` →403' },
};

export default matrix;
