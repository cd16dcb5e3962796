import { all, MatrixFile } from './matrix';

/** service.configurations (ENDPOINTS.md, Settings). */
const matrix: MatrixFile = {
  'GET /api/v1/service.configurations': { expect: all('ok'), note: 'public, never a secret' },
};

export default matrix;
