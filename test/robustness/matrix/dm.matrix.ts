import im from './im.matrix';
import { MatrixFile } from './matrix';

/** dm.*: the same routes as im.* (Rocket.Chat serves each under both names), with the same outcomes. */
const matrix: MatrixFile = Object.fromEntries(
  Object.entries(im).map(([key, entry]) => [key.replace('/api/v1/im.', '/api/v1/dm.'), entry]),
);

export default matrix;
