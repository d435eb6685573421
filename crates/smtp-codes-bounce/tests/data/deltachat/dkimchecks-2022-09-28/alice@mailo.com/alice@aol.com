From: <alice@aol.com>
To: <alice@mailo.com>
