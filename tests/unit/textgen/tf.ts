/** Text-generation tests run TF.js's layers API on the CPU backend in Node, with gradients. */
export { useCpu } from '../nn/tf';
