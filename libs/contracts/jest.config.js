module.exports = require('../../jest.preset.js')({ testRegex: 'src/.*\\.spec\\.ts$' });
