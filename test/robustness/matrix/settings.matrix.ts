import { all, MatrixFile } from './matrix';

/** settings.* (ENDPOINTS.md, Settings); settings and settings/:_id are in general.matrix.ts. */
const matrix: MatrixFile = {
  'GET /api/v1/settings.public': { expect: all('ok'), note: 'public' },
  'GET /api/v1/settings.oauth': { expect: all('ok'), note: 'public' },
};

export default matrix;
