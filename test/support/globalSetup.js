// The add-on's script time zone is Asia/Bangkok (appsscript.json): run every test in it,
// whatever the machine's own zone is, so local-date getters mean what they mean in Apps Script.
module.exports = () => {
  process.env.TZ = 'Asia/Bangkok';
};
