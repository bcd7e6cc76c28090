// The whole setup a project needs: keywarden's recommended config.
import keywarden from 'keywarden';

export default [...keywarden.configs.recommended];
