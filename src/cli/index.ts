export { runCli, EXIT } from './main.js'
