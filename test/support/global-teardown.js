module.exports = require('./suite-database').teardown;
