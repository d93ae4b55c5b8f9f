// The site serves qrcode-generator's ES module at assets/vendor/qrcode.mjs (kneeguide/bundle/npm.py);
// tsconfig.json's rootDirs lays this folder over docs/assets so the import finds these types.
import qrcode from "qrcode-generator";
export default qrcode;
