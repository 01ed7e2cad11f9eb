/**
 * Ports that services commonly listen on inside the ranges people widen ip_local_port_range to. A connect()
 * that picks one of them as its source port makes a later bind() of that service fail with EADDRINUSE.
 */
export const WELL_KNOWN_PORTS: readonly { readonly port: number; readonly service: string }[] = [
  { port: 1433, service: "SQL Server" },
  { port: 2049, service: "NFS" },
  { port: 2181, service: "ZooKeeper" },
  { port: 2379, service: "etcd" },
  { port: 3000, service: "Grafana" },
  { port: 3306, service: "MySQL" },
  { port: 5432, service: "PostgreSQL" },
  { port: 5672, service: "AMQP" },
  { port: 6379, service: "Redis" },
  { port: 6443, service: "Kubernetes API" },
  { port: 8080, service: "HTTP alternate" },
  { port: 8443, service: "HTTPS alternate" },
  { port: 9090, service: "Prometheus" },
  { port: 9092, service: "Kafka" },
  { port: 9200, service: "Elasticsearch" },
  { port: 10250, service: "kubelet" },
  { port: 11211, service: "memcached" },
  { port: 15672, service: "RabbitMQ management" },
  { port: 27017, service: "MongoDB" },
];
