/** Paho clients for both relay ends, from a broker URL, credentials and an optional CA. */
package backroom.relay.mqtt;
