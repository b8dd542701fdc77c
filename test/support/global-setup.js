module.exports = require('./suite-database').setup;
